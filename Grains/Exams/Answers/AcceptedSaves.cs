using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Exams;

/// <summary>The latest save one client (tab or device) made of an answer slot: its command's sequence number and time.</summary>
public sealed record ClientSave(long ClientSeq, DateTimeOffset SavedAt);

/// <summary>
/// The saves an answer slot has accepted, the latest of each client: the row's own command, and the commands of the
/// other clients whose saves it replaced (<see cref="ExamAnswerRow.Earlier"/>). They are stored with the row because
/// the results of saves are not: after a restart, a resend of tab 1's save that tab 2 has replaced since must still be
/// known as accepted, and answered, not applied over the newer answer.
/// </summary>
public static class AcceptedSaves
{
    public static readonly IReadOnlyDictionary<string, ClientSave> None = new Dictionary<string, ClientSave>();

    public static ClientSave? Latest(ExamAnswerRow row, string clientId) =>
        row.ClientId == clientId ? new ClientSave(row.ClientSeq, row.SavedAt) : row.Earlier.GetValueOrDefault(clientId);

    /// <summary>What a save of <paramref name="clientId"/> replacing <paramref name="replaced"/> keeps of the other clients' saves.</summary>
    public static IReadOnlyDictionary<string, ClientSave> Replacing(ExamAnswerRow? replaced, string clientId)
    {
        if (replaced is null)
        {
            return None;
        }
        var earlier = new Dictionary<string, ClientSave>(replaced.Earlier);
        // Rows moved from an older attempt state have no command.
        if (replaced.ClientId.Length > 0)
        {
            earlier[replaced.ClientId] = new ClientSave(replaced.ClientSeq, replaced.SavedAt);
        }
        earlier.Remove(clientId);
        return earlier;
    }

    public static string ToJson(IReadOnlyDictionary<string, ClientSave> earlier) => LiveJson.Serialize(earlier);

    public static IReadOnlyDictionary<string, ClientSave> FromJson(string json) =>
        LiveJson.Deserialize<Dictionary<string, ClientSave>>(json);
}
