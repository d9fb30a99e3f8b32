using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Live;

namespace Collab.Grains.Observations;

[GenerateSerializer, Alias("collab.observations.ObservationState")]
public sealed class ObservationState : LiveState
{
    /// <summary>Null until the observation is created.</summary>
    [Id(0)]
    public string? GroupId { get; set; }

    [Id(1)]
    public string Title { get; set; } = "";

    [Id(2)]
    public string TeacherId { get; set; } = "";

    [Id(3)]
    public string TeacherName { get; set; } = "";

    [Id(4)]
    public string Subject { get; set; } = "";

    [Id(5)]
    public string Grade { get; set; } = "";

    [Id(6)]
    public DateTimeOffset StartsAt { get; set; }

    [Id(7)]
    public string Status { get; set; } = "";

    /// <summary>Null until the observation is created.</summary>
    [Id(8)]
    public Rubric? Rubric { get; set; }

    [Id(9)]
    public string CreatedBy { get; set; } = "";

    [Id(10)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(11)]
    public DateTimeOffset? EndedAt { get; set; }

    [Id(12)]
    public DateTimeOffset? FinalizedAt { get; set; }

    [Id(13)]
    public List<ObservationNote> Notes { get; set; } = [];

    [Id(14)]
    public long NoteCount { get; set; }

    [Id(15)]
    public List<ObservationRating> Ratings { get; set; } = [];

    [Id(16)]
    public List<Observer> Observers { get; set; } = [];

    /// <summary>A rating changed the aggregate since the last <c>ratings.updated</c>; kept durable so a reactivated grain still sends it.</summary>
    [Id(17)]
    public bool RatingsUnpublished { get; set; }

    /// <summary>The group lists this observation in its sessions; retried by later commands if telling the group failed.</summary>
    [Id(18)]
    public bool SessionListed { get; set; }
}
