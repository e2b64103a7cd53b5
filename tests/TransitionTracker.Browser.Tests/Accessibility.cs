using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TransitionTracker.Browser.Tests;

/// <summary>Runs axe-core against the page as the browser shows it, for WCAG 2.0, 2.1 and 2.2 levels A and AA.</summary>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task AssertNoViolationsAsync(IPage page, string pageName)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });

        Assert.True(result.Violations.Length == 0, Describe(pageName, page.Url, result.Violations));
    }

    private static string Describe(string pageName, string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"{violations.Length} accessibility rule(s) violated on the {pageName} ({url}):");
        foreach (var violation in violations)
        {
            text.AppendLine().Append($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append($"    element {node.Target}: {node.Html}");
                var fixAll = (node.All ?? []).Concat(node.None ?? []).Select(check => check.Message);
                var fixAny = (node.Any ?? []).Select(check => check.Message).ToList();
                foreach (var message in fixAll)
                {
                    text.AppendLine().Append("      fix: ").Append(message);
                }

                if (fixAny.Count > 0)
                {
                    text.AppendLine().Append("      fix one of: ").Append(string.Join(" | ", fixAny));
                }
            }
        }

        return text.ToString();
    }
}
