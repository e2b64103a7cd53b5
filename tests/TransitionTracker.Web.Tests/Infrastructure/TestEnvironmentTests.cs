using System.Text.RegularExpressions;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>A skipped test's reason leads to the section of the docs that explains the variables it needs.</summary>
public sealed class TestEnvironmentTests
{
    [Theory]
    [InlineData("TEST_POSTGRES")]
    [InlineData("TEST_POSTGRES_OUTAGE", "TEST_POSTGRES_OUTAGE_CLUSTER")]
    public void The_skip_reason_names_a_doc_section_that_explains_every_missing_variable(params string[] variables)
    {
        var message = TestEnvironment.MissingMessage(variables);

        var link = Regex.Match(message, @"see (docs/[a-z-]+\.md)#([a-z-]+)\)");
        Assert.True(link.Success, message);
        var (_, contentRoot) = BuiltWebApp.Location();
        var doc = File.ReadAllText(Path.Combine(contentRoot, "..", "..", link.Groups[1].Value));
        var sections = Regex.Matches(doc, @"^## (?<title>.+)$(?<body>[\s\S]*?)(?=^## |\z)", RegexOptions.Multiline, TimeSpan.FromSeconds(5))
            .ToDictionary(m => Anchor(m.Groups["title"].Value), m => m.Groups["body"].Value);
        Assert.True(sections.TryGetValue(link.Groups[2].Value, out var body), $"{link.Groups[1].Value} has no section #{link.Groups[2].Value}.");
        Assert.All(variables, v => Assert.Contains($"`{v}`", body, StringComparison.Ordinal));
        Assert.DoesNotContain("README", message, StringComparison.Ordinal);
    }

    private static string Anchor(string title) => Regex.Replace(title.Trim().ToLowerInvariant(), @"[^a-z0-9 -]", "", RegexOptions.None, TimeSpan.FromSeconds(1)).Replace(' ', '-');
}
