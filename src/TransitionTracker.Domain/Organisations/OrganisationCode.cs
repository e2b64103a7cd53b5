namespace TransitionTracker.Domain.Organisations;

/// <summary>
/// ODS codes are stored upper-case as the reference data gives them; URLs and API filters accept any case.
/// </summary>
public static class OrganisationCode
{
    public const int MaxLength = 10;

    public static string Normalise(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return code.Trim().ToUpperInvariant();
    }

    /// <summary>Normalises a code that came from a request, or returns null when it cannot be a code at all.</summary>
    public static string? TryNormalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        if (trimmed.Length > MaxLength)
        {
            return null;
        }

        foreach (var c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }
        }

        return trimmed.ToUpperInvariant();
    }
}
