using MudBlazor;
using TransitionTracker.Application.Consortia;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>The breadcrumb trail of every page under a consortium: home, the consortium, and optionally a section of it.</summary>
public static class ConsortiumTrail
{
    /// <param name="section">The section's name, for example "Transition plan".</param>
    /// <param name="sectionPath">The section's path below the consortium, for example "plan".</param>
    public static IReadOnlyList<BreadcrumbItem> For(ConsortiumSummary consortium, string? section = null, string? sectionPath = null)
    {
        var items = new List<BreadcrumbItem> { new("Home", "/"), new(consortium.Name, $"/consortia/{consortium.Code}") };
        if (section is not null && sectionPath is not null)
        {
            items.Add(new BreadcrumbItem(section, $"/consortia/{consortium.Code}/{sectionPath}"));
        }

        return items;
    }
}
