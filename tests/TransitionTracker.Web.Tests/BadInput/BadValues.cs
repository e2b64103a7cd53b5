namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>What the bad-input suite sends.</summary>
public static class BadValues
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImageOnError = "\"><img src=x onerror=alert(1)>";
    public const string DropTable = "'; DROP TABLE \"Consortia\"; --";
    public const string Template = "{{7*7}}";

    /// <summary>Every hostile string in one value, short enough for any free-text field.</summary>
    public const string AllHostile = Script + " " + ImageOnError + " " + DropTable + " " + Template;

    public static readonly string VeryLong = new('x', 100_000);

    /// <summary>NUL, a C0 control, escape and a right-to-left override: refused in every field.</summary>
    public static readonly string[] Controls = ["x\0y", "x\u0001y", "\u001b[31mx", "x\u202Ey"];

    /// <summary>Values no number, date, choice or revision accepts.</summary>
    public static readonly string[] NotANumber = ["abc", "1e400", "99999999999999999999", "-1", "12.5"];

    /// <summary>Route values for a code or id: unknown, very long, path traversal, hostile (already URL-encoded).</summary>
    public static readonly string[] RouteValues =
    [
        "ZZ9",
        new string('A', 5000),
        "..%2F..%2Fappsettings.json",
        "..%5C..%5Cappsettings.json",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%E2%80%AE00G",
        "00G%27%3B%20DROP%20TABLE%20%22Consortia%22%3B%20--",
        "-1",
    ];

    /// <summary>Query values (already URL-encoded).</summary>
    public static readonly string[] QueryValues =
    [
        "abc",
        "-1",
        "99999999999999999999",
        new string('A', 3000),
        "%00",
        "%01",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "%7B%7B7*7%7D%7D",
        "%E2%80%AE",
    ];
}
