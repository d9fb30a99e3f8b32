using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// Each candidate's order of questions and options, drawn from (exam, student) alone so that drawing it again (a
/// resume, a silo restart, preparing attempts ahead of the opening) always gives the same paper.
/// </summary>
public static class PaperShuffler
{
    /// <summary>
    /// Questions are shuffled first, then the options of each choice question in paper order, all from one stream.
    /// <see cref="AttemptOrder.OptionIds"/> holds only the questions whose options were shuffled.
    /// </summary>
    public static AttemptOrder Draw(string examId, string studentId, IReadOnlyList<PaperQuestion> questions,
        bool shuffleQuestions, bool shuffleOptions)
    {
        var random = new SplitMix64(Seed(examId, studentId));
        var questionIds = questions.Select(question => question.Id).ToArray();
        if (shuffleQuestions)
        {
            Shuffle(questionIds, random);
        }
        var optionIds = new Dictionary<string, IReadOnlyList<string>>();
        if (shuffleOptions)
        {
            foreach (var question in questions.Where(question => question.Kind is QuestionKinds.Single or QuestionKinds.Multiple))
            {
                var ids = question.Options.Select(option => option.Id).ToArray();
                Shuffle(ids, random);
                optionIds[question.Id] = ids;
            }
        }
        return new AttemptOrder(questionIds, optionIds);
    }

    /// <summary>The paper as this candidate sees it. The order must have been drawn from these very questions.</summary>
    public static IReadOnlyList<StudentQuestion> StudentPaper(IReadOnlyList<PaperQuestion> questions, AttemptOrder order)
    {
        var byId = questions.ToDictionary(question => question.Id, StringComparer.Ordinal);
        if (order.QuestionIds.Count != byId.Count || order.QuestionIds.Distinct(StringComparer.Ordinal).Count() != byId.Count)
        {
            throw new InvalidOperationException("the attempt's order was not drawn from this paper");
        }
        return order.QuestionIds.Select(id =>
        {
            var question = byId.GetValueOrDefault(id)
                ?? throw new InvalidOperationException($"the attempt's order names question {id}, which the paper lacks");
            var options = order.OptionIds.TryGetValue(id, out var optionIds) ? Reordered(question, optionIds) : question.Options;
            return new StudentQuestion(question.Id, question.Kind, question.Points, question.Stem, options, question.Blanks);
        }).ToList();
    }

    private static IReadOnlyList<QuestionOption> Reordered(PaperQuestion question, IReadOnlyList<string> optionIds)
    {
        var reordered = optionIds
            .Select(id => question.Options.FirstOrDefault(option => option.Id == id)
                ?? throw new InvalidOperationException($"the attempt's order names option {id} of question {question.Id}, which it lacks"))
            .ToList();
        return reordered.Count == question.Options.Count && reordered.Distinct().Count() == reordered.Count
            ? reordered
            : throw new InvalidOperationException($"the attempt's option order of question {question.Id} is not a permutation of its options");
    }

    /// <summary>SHA-256, not <see cref="string.GetHashCode()"/>: that one changes with every process.</summary>
    private static ulong Seed(string examId, string studentId) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{examId}\n{studentId}")));

    /// <summary>Fisher–Yates.</summary>
    private static void Shuffle(string[] items, SplitMix64 random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Below(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
