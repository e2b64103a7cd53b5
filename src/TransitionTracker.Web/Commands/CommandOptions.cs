namespace TransitionTracker.Web.Commands;

/// <summary>
/// Reads a command's own options (<c>--output file</c> or <c>--output=file</c>) from a command line that may also
/// carry app configuration (<c>--ConnectionStrings:TransitionTracker "..."</c>), which is left to the host.
/// </summary>
public static class CommandOptions
{
    /// <param name="args">The whole command line, the command's name first.</param>
    /// <param name="names">The command's own options, e.g. "--output".</param>
    /// <param name="problems">Receives a message for each option given without a value and each stray argument.</param>
    public static IReadOnlyDictionary<string, string> Parse(string[] args, IReadOnlyCollection<string> names, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var (key, inlineValue) = args[i].Split('=', 2) is [var k, var v] && k.StartsWith("--", StringComparison.Ordinal) ? (k, v) : (args[i], null);
            if (!names.Contains(key))
            {
                if (!key.StartsWith("--", StringComparison.Ordinal))
                {
                    problems.Add($"Unexpected argument '{key}'.");
                }
                else if (inlineValue is null && i + 1 < args.Length)
                {
                    i++;
                }

                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{key} needs a value.");
            }
            else
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>Writes "name: failed." and each problem to <paramref name="error"/>; returns the failure exit code, 1.</summary>
    public static int Fail(TextWriter error, string command, IEnumerable<string> problems, string? usage = null)
    {
        error.WriteLine($"{command}: failed.");
        foreach (var problem in problems)
        {
            error.WriteLine($"  - {problem}");
        }

        if (usage is not null)
        {
            error.WriteLine(usage);
        }

        return 1;
    }

    /// <summary>An exception's message and those of its inner exceptions, for a one-line report.</summary>
    public static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(" ", messages);
    }
}
