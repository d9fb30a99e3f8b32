using Collab.Ot;

namespace Collab.Bench;

/// <summary>What the coedit load needs of one editor, whichever server it edits on (Collab and B1 over the hub, ShareDB).</summary>
public interface ICoeditEditor
{
    /// <summary>The editor's place in its plan: 0 is the one that counts the plan's applied ops.</summary>
    int Index { get; }

    /// <summary>The id the server stamps on this editor's ops, which tells its peers whose edit they received.</summary>
    string ClientId { get; }

    /// <summary>Scheduled times of this editor's edits that no sent op carries yet; touched only under the editor's lock.</summary>
    List<long> Unsent { get; }

    /// <summary>Where this editor types; used only under the editor's lock.</summary>
    Random Random { get; }

    /// <summary>Makes an edit of the text as it is now (<paramref name="edit"/> runs under the editor's lock), sent at once or composed behind the op in flight.</summary>
    void Edit(Func<string, TextOperation> edit);
}
