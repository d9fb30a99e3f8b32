using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// One student of the exam scenario and what the server acknowledged to them. Visits to a question alternate
/// between its right and its wrong answer (the first is right), so losing the last acknowledged save of a question
/// always changes that question's points in the results.
/// </summary>
public sealed class ExamCandidate(int index, string userId, string name, string token)
{
    private readonly Lock _lock = new();
    private readonly int[] _visitsSent = new int[ExamPaper.Questions];
    private readonly int[] _lastAckedVisit = Enumerable.Repeat(-1, ExamPaper.Questions).ToArray();
    private long _clientSeq;
    private int _saves;

    public int Index => index;
    public string UserId => userId;
    public string Name => name;
    public string Token => token;
    public string ClientId => $"bench-{userId}";
    public HubConnection? Connection { get; set; }

    /// <summary>The next save this candidate makes: its question, its visit number, its right-or-wrong answer, its clientSeq.</summary>
    public (int Question, int Visit, bool Right, long ClientSeq) NextSave()
    {
        lock (_lock)
        {
            var question = (index + _saves++) % ExamPaper.Questions;
            var visit = _visitsSent[question]++;
            return (question, visit, visit % 2 == 0, ++_clientSeq);
        }
    }

    public void Acknowledged(int question, int visit)
    {
        lock (_lock)
        {
            _lastAckedVisit[question] = Math.Max(_lastAckedVisit[question], visit);
        }
    }

    /// <summary>
    /// What the results must show for a question, or null when a save later than the last acknowledged one failed or
    /// never got its reply (the server may or may not have it: not checkable, and already counted as an error).
    /// </summary>
    public ExpectedAnswer? Expected(int question)
    {
        lock (_lock)
        {
            var acked = _lastAckedVisit[question];
            if (_visitsSent[question] - 1 > acked)
            {
                return null;
            }
            return acked < 0 ? new ExpectedAnswer(false, null) : new ExpectedAnswer(true, ExamPaper.Score(question, acked % 2 == 0));
        }
    }

    public int AcknowledgedQuestions()
    {
        lock (_lock)
        {
            return _lastAckedVisit.Count(visit => visit >= 0);
        }
    }
}
