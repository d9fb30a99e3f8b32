using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Classrooms;

/// <summary>
/// A classroom question is an exam question (PROTOCOL §5) of an objective kind, read and graded by the exam engine's
/// own <see cref="QuestionParser"/>, <see cref="AnswerParser"/> and <see cref="Grader"/>. Points mean nothing in a
/// live lesson, so a question without them counts 1.
/// </summary>
public static class ClassroomQuestions
{
    public static PaperQuestion Parse(string questionJson)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(questionJson, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            throw CollabException.Invalid("question is not valid JSON");
        }
        if (node is not JsonObject question)
        {
            throw CollabException.Invalid("question must be an object with id, kind, stem, options and answer");
        }
        if (question["points"] is null)
        {
            question["points"] = 1;
        }
        var parsed = QuestionParser.Parse(JsonSerializer.SerializeToElement(question), 0);
        return parsed.Kind == QuestionKinds.Short
            ? throw CollabException.Invalid($"question {parsed.Id} is short; a classroom asks single, multiple, truefalse or fill questions, which have a key")
            : parsed;
    }

    /// <summary>A student's answer checked against the question's kind; clearing one is not answering.</summary>
    public static StudentAnswer ParseAnswer(PaperQuestion question, string answerJson)
    {
        var answer = AnswerParser.Parse(question, answerJson);
        return answer == new StudentAnswer() ? throw CollabException.Invalid($"answer to {question.Id} must not be empty") : answer;
    }

    /// <summary>Full marks only: a fill question with one blank of two right is not correct.</summary>
    public static bool IsCorrect(PaperQuestion question, StudentAnswer answer) => Grader.Grade(question, answer) == question.Points;

    public static JsonElement KeyJson(PaperQuestion question) => JsonSerializer.SerializeToElement(ExamWire.Key(question), LiveJson.Options);

    public static JsonElement AnswerJson(PaperQuestion question, StudentAnswer answer) =>
        JsonSerializer.SerializeToElement(ExamWire.Answer(question.Kind, answer), LiveJson.Options);

    public static ClassroomQuestionView View(PushedQuestion pushed) =>
        new(pushed.Question.Id, pushed.Question.Kind, pushed.Question.Stem, pushed.Question.Options, pushed.Question.Blanks, pushed.Status);
}
