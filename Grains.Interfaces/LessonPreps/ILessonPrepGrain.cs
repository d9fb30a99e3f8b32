using Collab.Grains.Interfaces.Attachments;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>
/// One lesson plan prepared collectively by members of a group (集体备课, PROTOCOL §2): ordered sections of plain text
/// edited by operational transformation, a phase, and who is assigned to which section.
/// </summary>
[Alias("collab.ILessonPrepGrain")]
public interface ILessonPrepGrain : ILiveStreamGrain, IAttachmentOwnerGrain
{
    /// <summary>Creates the plan in a group the caller belongs to; the caller becomes its lead preparer.</summary>
    [Alias("Create")]
    Task<LessonPrepView> CreateAsync(Caller caller, string groupId, CreateLessonPrep command);

    [Alias("Get")]
    Task<LessonPrepView> GetAsync(Caller caller);

    /// <summary>
    /// Applies an edit of one section made on <paramref name="baseRevision"/>. The ops travel as their JSON text
    /// (the protocol's array of retains, deletes and inserts) because a JsonElement does not cross a grain boundary.
    /// Interleaves, so that ops arriving while the op log is being written queue for the next write (group commit).
    /// </summary>
    [Alias("SubmitOp"), AlwaysInterleave]
    Task<OpAccepted> SubmitOpAsync(Caller caller, CommandId command, string section, long baseRevision, string opsJson);

    /// <summary>Broadcasts the caller's selection in a section as an ephemeral <c>cursor.moved</c>.</summary>
    [Alias("MoveCursor")]
    Task MoveCursorAsync(Caller caller, string section, int anchor, int head);

    /// <summary>Moves the plan to drafting, discussion or finalized (read-only); lead preparer or group leader.</summary>
    [Alias("SetPhase")]
    Task SetPhaseAsync(Caller caller, string phase);

    /// <summary>Makes a group member responsible for a section, or clears it with an empty user id.</summary>
    [Alias("AssignSection")]
    Task AssignSectionAsync(Caller caller, string section, string? userId);

    /// <summary>Comments on the range start..end (code points, current text) of a section; the range then moves with later ops.</summary>
    [Alias("AddComment")]
    Task<CommentAdded> AddCommentAsync(Caller caller, CommandId command, string section, int start, int end, string text);

    /// <summary>Marks a comment resolved; any member may, as in a discussion the group closes together.</summary>
    [Alias("ResolveComment")]
    Task ResolveCommentAsync(Caller caller, string commentId);

    /// <summary>Keeps the plan as it stands under a label; phase changes save one automatically.</summary>
    [Alias("SaveVersion")]
    Task<VersionSaved> SaveVersionAsync(Caller caller, string label);

    [Alias("ListVersions")]
    Task<IReadOnlyList<LessonVersionSummary>> ListVersionsAsync(Caller caller);

    [Alias("GetVersion")]
    Task<LessonVersionView> GetVersionAsync(Caller caller, string versionId);

    /// <summary>Returns the sections to a version's text through ordinary ops; lead preparer or group leader.</summary>
    [Alias("RestoreVersion")]
    Task<OpAccepted> RestoreVersionAsync(Caller caller, string versionId);

    /// <summary>Copies this finalized plan into a personal plan <paramref name="forkId"/> of the caller (二次备课).</summary>
    [Alias("Fork")]
    Task<LessonPrepView> ForkAsync(Caller caller, string forkId);

    /// <summary>Called on the new plan by the one being forked; the caller becomes the copy's only owner.</summary>
    [Alias("CreateFork")]
    Task<LessonPrepView> CreateForkAsync(Caller caller, ForkSource source);

    /// <summary>
    /// Called on the original by a personal copy whose after-class reflection (课后反思) changed; durable when it returns.
    /// A report no newer than the one kept, of an unknown copy, or of an owner no longer in the group changes nothing.
    /// </summary>
    [Alias("ForkReflection")]
    Task ForkReflectionAsync(ForkReflection report);

    /// <summary>This personal copy as its owner's list shows it; anyone else is refused.</summary>
    [Alias("CopySummary")]
    Task<LessonCopySummary> CopySummaryAsync(Caller caller);

    /// <summary>
    /// Called by the plan's group when it removes a member: the plan stops trusting what it was told about them.
    /// Interleaves, so the group never waits on a plan call that is itself waiting on the group.
    /// </summary>
    [Alias("MemberRemoved"), AlwaysInterleave]
    Task MemberRemovedAsync(string userId);
}
