namespace Collab.Grains.Tests.LessonPreps.Rich.Support;

/// <summary>A fact that needs Node.js to run quill-delta; skipped, saying so, on a machine without <c>node</c> on its PATH.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!QuillOracle.NodeIsInstalled)
        {
            Skip = "node is not on PATH, so quill-delta cannot run; install Node.js to compare the C# rich-text OT with it";
        }
    }
}
