using Collab.Ot;
namespace Collab.Grains.Tests.LessonPreps.Text.Support;

/// <summary>
/// A deliberately naive model of the protocol, working on arrays of code points, to check the real
/// implementation against something too simple to share its bugs.
/// </summary>
internal static class Reference
{
    public static string[] Split(string text) => text.EnumerateRunes().Select(r => r.ToString()).ToArray();

    /// <summary>Applies components in the order given, without normalising them first.</summary>
    public static string Apply(string text, IEnumerable<OpComponent> components)
    {
        var source = Split(text);
        var result = new List<string>();
        var at = 0;
        foreach (var component in components)
        {
            switch (component.Kind)
            {
                case OpKind.Retain:
                    result.AddRange(source.Skip(at).Take(component.Length));
                    at += component.Length;
                    break;
                case OpKind.Delete:
                    at += component.Length;
                    break;
                default:
                    result.Add(component.Text);
                    break;
            }
        }

        Assert.Equal(source.Length, at);
        return string.Concat(result);
    }
}
