using Collab.Grains.LessonPreps;
using Collab.Ot;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>The text-section tests speak TextOperation; these put it into the document's format-neutral change and back.</summary>
public static class TextSectionExtensions
{
    extension(LessonPlanDocument document)
    {
        public AppliedOp Receive(string? section, long baseRevision, TextOperation operation) =>
            document.Receive(section, baseRevision, new PlainSectionChange(operation));

        public void Replay(string section, long revision, TextOperation operation) =>
            document.Replay(section, revision, new PlainSectionChange(operation));
    }

    extension(AppliedOp applied)
    {
        public TextOperation Operation => ((PlainSectionChange)applied.Change).Operation;
    }

    extension(SectionChange change)
    {
        public TextOperation Operation => ((PlainSectionChange)change).Operation;
    }
}
