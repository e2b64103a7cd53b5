using System.Globalization;
using TransitionTracker.Domain.Text;

namespace TransitionTracker.Application.Editing;

/// <summary>
/// Reads what a person typed into an input, adding the NHS-style message for each problem (keyed by the input's name)
/// to a list, so that an edit reports every problem at once. Values come back trimmed; a text area's CR LF line breaks count as one.
/// </summary>
public static class InputValues
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Required text of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="name">What the field holds, starting a sentence, for the too-long message: "Function".</param>
    /// <param name="missing">The message when nothing was entered: "Enter the function".</param>
    public static string Text(string? value, int maxLength, string field, string name, string missing, List<FieldProblem> problems)
    {
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            problems.Add(new FieldProblem(field, missing));
        }
        else if (text.Length > maxLength)
        {
            problems.Add(new FieldProblem(field, $"{name} must be {maxLength.ToString("N0", EnGb)} characters or fewer"));
        }
        else if (PlainText.HasForbiddenCharacter(text))
        {
            problems.Add(new FieldProblem(field, PlainText.ForbiddenMessage(name)));
        }

        return text;
    }

    /// <summary>One of an enum's values, posted as its name by radios; numbers and unknown names are refused.</summary>
    public static TEnum? Choice<TEnum>(string? value, string field, string missing, List<FieldProblem> problems)
        where TEnum : struct, Enum
    {
        if (value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal))
        {
            return Enum.Parse<TEnum>(value);
        }

        problems.Add(new FieldProblem(field, missing));
        return null;
    }

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/>; "1,500" is read as 1500.</summary>
    public static int? WholeNumber(string? value, int min, int max, string field, string name, List<FieldProblem> problems)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            problems.Add(new FieldProblem(field, $"Enter the {name.ToLowerInvariant()}"));
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowThousands, EnGb, out var number))
        {
            problems.Add(new FieldProblem(field, $"{name} must be a whole number"));
            return null;
        }

        if (number < min || number > max)
        {
            problems.Add(new FieldProblem(field, $"{name} must be between {min.ToString("N0", EnGb)} and {max.ToString("N0", EnGb)}"));
            return null;
        }

        return number;
    }

    /// <summary>
    /// A date typed as three parts (day, month, year). Problems are worded as the NHS design system words them: a
    /// missing part, then a date that does not exist; each names the parts that are wrong (<see cref="FieldProblem.Parts"/>).
    /// Returns false when it added a problem; an optional date left blank is read as null.
    /// </summary>
    /// <param name="field">The date's input name.</param>
    /// <param name="name">What the date is, starting a sentence: "Target date".</param>
    /// <param name="latest">The latest date allowed (today, for things that have happened), or null.</param>
    public static bool TryReadDate(
        string field, string name, string? day, string? month, string? year, bool required, DateOnly? latest,
        List<FieldProblem> problems, out DateOnly? date)
    {
        date = null;
        (string Part, string Value)[] boxes =
        [
            (DatePart.Day, day?.Trim() ?? ""),
            (DatePart.Month, month?.Trim() ?? ""),
            (DatePart.Year, year?.Trim() ?? ""),
        ];

        bool Fail(IEnumerable<(string Part, string Value)> wrong, string message)
        {
            problems.Add(new FieldProblem(field, message, Parts: wrong.Select(p => p.Part).ToList()));
            return false;
        }

        var missing = boxes.Where(b => b.Value.Length == 0).ToList();
        if (missing.Count == boxes.Length)
        {
            return !required || Fail(boxes, $"Enter the {name.ToLowerInvariant()}");
        }

        if (missing.Count > 0)
        {
            return Fail(missing, $"{name} must include a {string.Join(" and ", missing.Select(m => m.Part))}");
        }

        var numbers = boxes.Select(b => int.TryParse(b.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToArray();
        if (numbers.Any(n => n is null))
        {
            return Fail(boxes, $"{name} must be a real date");
        }

        if (boxes[2].Value.Length != 4)
        {
            return Fail([boxes[2]], $"{name} must include a year with 4 numbers");
        }

        var (d, m, y) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value);
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return Fail(boxes, $"{name} must be a real date");
        }

        var read = new DateOnly(y, m, d);
        if (latest is { } last && read > last)
        {
            return Fail(boxes, $"{name} must be today or in the past");
        }

        date = read;
        return true;
    }

    /// <summary>A stored date as the three boxes show it.</summary>
    public static (string? Day, string? Month, string? Year) Boxes(DateOnly? date) => date is { } d
        ? (d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture))
        : (null, null, null);
}
