namespace Collab.Ot.Rich;

public enum DeltaOpKind
{
    Insert,
    Retain,
    Delete,
}
