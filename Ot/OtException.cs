namespace Collab.Ot;

/// <summary>
/// Thrown when an operation is malformed or does not fit the text or operation it is combined with.
/// The message is written to be returned to the client that sent the operation, so it names the
/// offending component or length and never echoes document text.
/// </summary>
public sealed class OtException : Exception
{
    public OtException(string reason)
        : base(reason)
    {
    }
}
