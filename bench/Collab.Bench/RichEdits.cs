using System.Text;
using Collab.Ot;
using Collab.Ot.Rich;

namespace Collab.Bench;

/// <summary>
/// The coedit load's typing as rich changes: the same one-character edits of the plain text, each typed character
/// carrying its editor's format (bold, italic, a colour, underline), so documents hold runs of mixed formats. The
/// load types BMP characters only, so a code point is one UTF-16 unit and the positions carry over unchanged.
/// </summary>
public static class RichEdits
{
    private static readonly AttributeMap?[] Formats =
    [
        AttributeMap.Of(("bold", AttributeValue.Of(true))),
        AttributeMap.Of(("italic", AttributeValue.Of(true))),
        AttributeMap.Of(("color", AttributeValue.Of("#e60000"))),
        AttributeMap.Of(("underline", AttributeValue.Of(true))),
        null,
    ];

    public static Delta FromText(TextOperation edit, int editor)
    {
        var format = Formats[editor % Formats.Length];
        return Delta.Create(edit.Components.Select(component => component.Kind switch
        {
            OpKind.Retain => DeltaOp.Retain(component.Length),
            OpKind.Delete => DeltaOp.Delete(component.Length),
            _ => DeltaOp.Insert(component.Text, format),
        }));
    }

    /// <summary>The document's text; the load inserts no embeds.</summary>
    public static string PlainText(Delta document)
    {
        var text = new StringBuilder();
        foreach (var op in document.Ops)
        {
            text.Append(op.Text);
        }
        return text.ToString();
    }
}
