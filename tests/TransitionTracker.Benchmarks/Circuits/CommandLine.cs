using System.Globalization;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// The browser commands' options (<c>--name value</c> pairs, or <c>--name</c> alone for a switch), each problem named,
/// and their percentiles.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandLine(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{args[i]}' is not an option.");
            }

            var isSwitch = i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[args[i][2..]] = isSwitch ? "" : args[++i];
        }
    }

    /// <summary>Whether the switch was given.</summary>
    public bool Switch(string name) => _values.ContainsKey(name);

    public string Optional(string name, string fallback) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;

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
