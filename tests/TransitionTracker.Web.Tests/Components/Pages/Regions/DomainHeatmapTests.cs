using Bunit;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Components.Pages.Regions;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Regions;

/// <summary>
/// The heatmap: every row in the prerendered page; live, a long one keeps only the rows in view (virtualised) in its
/// own scrolling box, and a region of usual size is shown whole.
/// </summary>
public sealed class DomainHeatmapTests : MudComponentContext
{
    [Fact]
    public void Prerendered_every_consortium_has_a_row_however_many()
    {
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var heatmap = Render<DomainHeatmap>(p => Parameters(p, DomainHeatmap.VirtualiseAbove + 20));

        Assert.Equal(DomainHeatmap.VirtualiseAbove + 20, heatmap.FindAll("#heatmap-table tbody tr").Count);
        Assert.Empty(heatmap.FindComponents<Virtualize<HeatmapRow>>());
        Assert.DoesNotContain("app-heatmap-scroll--tall", heatmap.Find(".app-heatmap-scroll").ClassList);
    }

    [Fact]
    public void Live_a_long_heatmap_is_virtualised_in_its_own_scrolling_box()
    {
        var heatmap = RenderInteractive<DomainHeatmap>(p => Parameters(p, DomainHeatmap.VirtualiseAbove + 20));

        var virtualised = heatmap.FindComponent<Virtualize<HeatmapRow>>();
        Assert.Equal(DomainHeatmap.VirtualiseAbove + 20, virtualised.Instance.Items!.Count);
        Assert.Contains("app-heatmap-scroll--tall", heatmap.Find(".app-heatmap-scroll").ClassList);
        // The rows it shows are the same rows, each with a cell per domain that opens that consortium's domain.
        var first = heatmap.Find("#heatmap-table tbody tr th a");
        Assert.Equal("/consortia/C00", first.GetAttribute("href"));
    }

    [Fact]
    public void Live_a_region_of_usual_size_is_shown_whole()
    {
        var heatmap = RenderInteractive<DomainHeatmap>(p => Parameters(p, 12));

        Assert.Empty(heatmap.FindComponents<Virtualize<HeatmapRow>>());
        Assert.Equal(12, heatmap.FindAll("#heatmap-table tbody tr").Count);
        var domain = ShippedFrameworks.DefaultFramework.Domains[0];
        Assert.Equal(DomainHeatmap.CellHref("C00", domain.Id), heatmap.Find("#heatmap-table tbody tr td a").GetAttribute("href"));
    }

    private static void Parameters(ComponentParameterCollectionBuilder<DomainHeatmap> p, int rows)
    {
        var framework = ShippedFrameworks.DefaultFramework;
        p.Add(h => h.RegionCode, "Q30")
            .Add(h => h.RegionName, "North East")
            .Add(h => h.Framework, framework)
            .Add(h => h.Rows, Enumerable.Range(0, rows)
                .Select(i => new HeatmapRow($"C{i:00}", $"Consortium {i:00}", framework.Domains.ToDictionary(d => d.Id, _ => 50.0 + (i % 40))))
                .ToArray());
    }
}
