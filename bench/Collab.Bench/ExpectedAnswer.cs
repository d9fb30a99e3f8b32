namespace Collab.Bench;

/// <summary>A question as the results must show it: answered or not, and its points (null: a short answer awaiting marking).</summary>
public sealed record ExpectedAnswer(bool Answered, decimal? Points);
