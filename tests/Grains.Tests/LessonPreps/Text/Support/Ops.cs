using Collab.Ot;
namespace Collab.Grains.Tests.LessonPreps.Text.Support;

internal static class Ops
{
    /// <summary>Writes an operation in its wire form, which reads far better in a test than factory calls.</summary>
    public static TextOperation Op(params object[] wire) => TextOperation.Parse(wire);
}
