using Collab.Ot.Rich;

namespace Collab.Api.LessonPreps;

/// <summary>One run of a line: text, or an embed (a formula, an image), with its inline formats.</summary>
public sealed record RichRun(string? Text, Embed? Embed, AttributeMap? Formats);

/// <summary>A line of a rich document and the formats of the line break that ends it (header, list, table).</summary>
public sealed record RichLine(IReadOnlyList<RichRun> Runs, AttributeMap? Formats)
{
    public string? Format(string key) => Formats is { } formats && formats.TryGetValue(key, out var value) ? value.Text : null;

    /// <summary>The heading level, 1 to 6, or 0 for a line that is no heading.</summary>
    public int HeaderLevel =>
        Formats is { } formats && formats.TryGetValue("header", out var value) && value.Number is >= 1 and <= 6 && value.Number == Math.Floor(value.Number)
            ? (int)value.Number
            : 0;
}

/// <summary>A run of lines the exports render as one element: a paragraph or heading, a list, or a table of rows of cells.</summary>
public sealed record RichBlock(RichBlockKind Kind, IReadOnlyList<RichLine> Lines)
{
    /// <summary>A table's lines grouped into rows: Quill marks each cell's line with the id of its row.</summary>
    public IEnumerable<IReadOnlyList<RichLine>> Rows()
    {
        var row = new List<RichLine>();
        foreach (var line in Lines)
        {
            if (row.Count > 0 && row[0].Format("table") != line.Format("table"))
            {
                yield return row;
                row = [];
            }
            row.Add(line);
        }
        if (row.Count > 0)
        {
            yield return row;
        }
    }
}

public enum RichBlockKind
{
    Line,
    OrderedList,
    BulletList,
    Table,
}

/// <summary>
/// Reads a Quill document the way Quill lays it out: lines end at line breaks, and a line break's formats are the
/// line's (Quill's "block" formats); consecutive list items or table cells form one block.
/// </summary>
public static class RichLines
{
    public static IReadOnlyList<RichLine> Split(Delta document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lines = new List<RichLine>();
        var runs = new List<RichRun>();
        foreach (var op in document.Ops.Where(op => op.Kind == DeltaOpKind.Insert))
        {
            if (op.Embed is { } embed)
            {
                runs.Add(new RichRun(null, embed, op.Attributes));
                continue;
            }
            var text = op.Text!;
            var start = 0;
            for (var breakAt = text.IndexOf('\n'); breakAt >= 0; breakAt = text.IndexOf('\n', start))
            {
                if (breakAt > start)
                {
                    runs.Add(new RichRun(text[start..breakAt], null, op.Attributes));
                }
                lines.Add(new RichLine(runs, op.Attributes));
                runs = [];
                start = breakAt + 1;
            }
            if (start < text.Length)
            {
                runs.Add(new RichRun(text[start..], null, op.Attributes));
            }
        }
        // Quill ends every document with a line break; content without one still ends in a line.
        if (runs.Count > 0)
        {
            lines.Add(new RichLine(runs, null));
        }
        return lines;
    }

    public static IReadOnlyList<RichBlock> Blocks(Delta document)
    {
        var blocks = new List<RichBlock>();
        foreach (var line in Split(document))
        {
            var kind = KindOf(line);
            if (kind != RichBlockKind.Line && blocks.Count > 0 && blocks[^1].Kind == kind)
            {
                ((List<RichLine>)blocks[^1].Lines).Add(line);
            }
            else
            {
                blocks.Add(new RichBlock(kind, new List<RichLine> { line }));
            }
        }
        return blocks;
    }

    private static RichBlockKind KindOf(RichLine line) =>
        line.Format("table") is not null ? RichBlockKind.Table
        : line.Format("list") switch
        {
            "ordered" => RichBlockKind.OrderedList,
            "bullet" or "checked" or "unchecked" => RichBlockKind.BulletList,
            _ => RichBlockKind.Line,
        };
}
