namespace TransitionTracker.Domain.Text;

/// <summary>
/// What free text may hold. Control characters (NUL, U+0001, escape, …) other than tab and line breaks, and the
/// characters that override or isolate text direction (used to make text read differently from how it is stored),
/// are refused wherever text is entered, with a message naming the field; nothing is stripped silently.
/// </summary>
public static class PlainText
{
    public static bool HasForbiddenCharacter(string? text) => text is not null && text.AsSpan().IndexOfAny(Forbidden) >= 0;

    /// <param name="name">What the field holds, starting a sentence: "Description".</param>
    public static string ForbiddenMessage(string name) =>
        $"{name} must not contain control characters or text-direction overrides: type or paste plain text";

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not '\t' and not '\n' and not '\r')
            .Concat(Enumerable.Range(0x7F, 0x21))
            .Concat(Enumerable.Range(0x202A, 5))
            .Concat(Enumerable.Range(0x2066, 4))
            .Select(c => (char)c)
            .ToArray());
}
