namespace Collab.Bench.Baseline;

/// <summary>B0's classroom creation: only who receives the tally (Collab reads the classes from its directory instead).</summary>
public sealed record ClassroomStaffRequest(IReadOnlyList<string>? StaffIds);
