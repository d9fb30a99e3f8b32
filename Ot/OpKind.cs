namespace Collab.Ot;

/// <summary>What an <see cref="OpComponent"/> does to the text under it.</summary>
/// <remarks>Starts at 1 so that <c>default(OpComponent)</c> is recognisably not a component.</remarks>
public enum OpKind
{
    Retain = 1,
    Delete,
    Insert,
}
