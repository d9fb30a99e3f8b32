using System.Diagnostics.Metrics;
using Collab.Grains.Live;

namespace Collab.Grains.Exams;

/// <summary>How well answer saves are group-committed: rows per write, and saves that waited for a write under way.</summary>
public static class ExamAnswerMetrics
{
    public const string SavesWaitedName = "collab.exam.answers.waited";

    private static readonly Meter Meter = new(LiveMetrics.MeterName);

    private static readonly Histogram<int> RowsPerWrite = Meter.CreateHistogram<int>("collab.exam.answers.write.rows", "{row}",
        "answer rows upserted into exam_answer_slots by one transaction");

    private static readonly Counter<long> SavesWaited = Meter.CreateCounter<long>(SavesWaitedName, "{save}",
        "answer saves that arrived while a write was under way and waited for a later one");

    public static void Written(int rows) => RowsPerWrite.Record(rows);

    public static void Waited() => SavesWaited.Add(1);
}
