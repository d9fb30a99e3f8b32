namespace Collab.Grains.Interfaces.Common;

/// <summary>
/// Marks a field of free text (a post's body, a note, an answer, a comment) that may keep line breaks and tabs; every
/// other string a client sends is an id, key or short field and keeps no control character at all. U+0000 is refused
/// in both.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FreeTextAttribute : Attribute;
