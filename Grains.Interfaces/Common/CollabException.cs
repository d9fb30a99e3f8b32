namespace Collab.Grains.Interfaces.Common;

/// <summary>A refusal with a stable code; it crosses the grain boundary and becomes a hub error or problem JSON.</summary>
[GenerateSerializer, Alias("collab.CollabException")]
public sealed class CollabException : Exception
{
    public CollabException(string code, string message) : base(message) => Code = code;

    [Id(0)]
    public string Code { get; }

    public static CollabException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} does not exist");
    public static CollabException Forbidden(string why) => new(ErrorCodes.Forbidden, why);
    public static CollabException Invalid(string why) => new(ErrorCodes.InvalidArgument, why);
    public static CollabException TooLarge(string why) => new(ErrorCodes.TooLarge, why);
    public static CollabException Conflict(string why) => new(ErrorCodes.Conflict, why);
}
