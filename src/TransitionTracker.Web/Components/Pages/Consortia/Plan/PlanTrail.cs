using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Consortia;

namespace TransitionTracker.Web.Components.Pages.Consortia.Plan;

/// <summary>The breadcrumb trail of the pages under a consortium's transition plan.</summary>
public static class PlanTrail
{
    public static IReadOnlyList<BreadcrumbItem> For(ConsortiumSummary consortium) =>
    [
        new("Home", "/"),
        new(consortium.Name, $"/consortia/{consortium.Code}"),
        new("Transition plan", $"/consortia/{consortium.Code}/plan"),
    ];
}
