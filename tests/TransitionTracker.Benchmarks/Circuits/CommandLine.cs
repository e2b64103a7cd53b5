using System.Globalization;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>The browser commands' options (<c>--name value</c> pairs), each problem named, and their percentiles.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandLine(string[] args)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"'{args[i]}' is not an option with a value.");
            }

            _values[args[i][2..]] = args[i + 1];
        }
    }

    public string Required(string name) => _values.TryGetValue(name, out var value) && value.Length > 0
        ? value
        : throw new ArgumentException($"--{name} is needed.");

    public int Count(string name, int fallback, int min) => !_values.TryGetValue(name, out var text)
        ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new ArgumentException($"--{name} must be a whole number of at least {min}.");

    public Uri BaseAddress() => Uri.TryCreate(Required("base"), UriKind.Absolute, out var baseAddress)
        ? baseAddress
        : throw new ArgumentException("--base must be an absolute address such as http://127.0.0.1:5099.");

    public static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
