using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>A 1+X synchronous classroom (同步课堂, PROTOCOL §8): a host class and linked classes answering one question at a time.</summary>
[Alias("collab.IClassroomGrain")]
public interface IClassroomGrain : ILiveStreamGrain
{
    [Alias("Create")]
    Task<ClassroomInfo> CreateAsync(Caller caller, CreateClassroom command);

    /// <summary>For its host, teachers and students, and admins.</summary>
    [Alias("Get")]
    Task<ClassroomInfo> GetAsync(Caller caller);

    [Alias("Start")]
    Task<ClassroomInfo> StartAsync(Caller caller);

    [Alias("End")]
    Task<ClassroomInfo> EndAsync(Caller caller);

    /// <summary><paramref name="questionJson"/> is a question of PROTOCOL §5 (kinds single, multiple, truefalse, fill) with its <c>answer</c>; returns its id.</summary>
    [Alias("PushQuestion")]
    Task<string> PushQuestionAsync(Caller caller, CommandId command, string questionJson);

    [Alias("Answer")]
    Task<AnswerAccepted> AnswerAsync(Caller caller, CommandId command, string questionId, string answerJson);

    [Alias("SubmitTally")]
    Task<AnswerAccepted> SubmitTallyAsync(Caller caller, CommandId command, string questionId, string classId, IReadOnlyDictionary<string, int> counts);

    [Alias("CloseQuestion")]
    Task CloseQuestionAsync(Caller caller, string questionId);

    [Alias("RevealAnswer")]
    Task RevealAnswerAsync(Caller caller, string questionId);

    /// <summary>For the host, the classes' teachers and admins.</summary>
    [Alias("Report")]
    Task<ClassroomReport> ReportAsync(Caller caller);
}
