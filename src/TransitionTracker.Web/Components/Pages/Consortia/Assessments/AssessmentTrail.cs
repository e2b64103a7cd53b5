using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Consortia;

namespace TransitionTracker.Web.Components.Pages.Consortia.Assessments;

/// <summary>Breadcrumbs shared by the assessment pages: home, the consortium, and optionally the checklist.</summary>
public static class AssessmentTrail
{
    public static IReadOnlyList<BreadcrumbItem> For(ConsortiumSummary consortium, string? frameworkId = null)
    {
        var items = new List<BreadcrumbItem> { new("Home", "/"), new(consortium.Name, $"/consortia/{consortium.Code}") };
        if (frameworkId is not null)
        {
            items.Add(new BreadcrumbItem("Readiness checklist", $"/consortia/{consortium.Code}/assessments/{frameworkId}"));
        }

        return items;
    }
}
