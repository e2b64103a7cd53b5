using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

/// <summary>
/// The one place an editor says it holds unsaved work: the page carries the marker that keeps a hidden tab from being
/// paused only while there is unsaved work, and leaving for another page is asked first.
/// </summary>
public sealed class UnsavedWorkLockTests : MudComponentContext
{
    [Fact]
    public void The_page_is_marked_only_while_it_holds_unsaved_work()
    {
        var lockComponent = RenderInteractive<UnsavedWorkLock>(p => p.Add(l => l.Unsaved, false));
        Assert.Empty(lockComponent.FindAll("[data-unsaved-work]"));

        lockComponent.Render(p => p.Add(l => l.Unsaved, true));
        var marker = Assert.Single(lockComponent.FindAll("[data-unsaved-work]"));
        Assert.True(marker.HasAttribute("hidden"));

        lockComponent.Render(p => p.Add(l => l.Unsaved, false));
        Assert.Empty(lockComponent.FindAll("[data-unsaved-work]"));
    }

    [Fact]
    public async Task Leaving_for_another_page_is_asked_first_and_may_be_refused()
    {
        var asked = new List<string>();
        var lockComponent = RenderInteractive<UnsavedWorkLock>(p => p
            .Add(l => l.Unsaved, true)
            .Add(l => l.OnLeaving, (LocationChangingContext context) =>
            {
                asked.Add(context.TargetLocation);
                context.PreventNavigation();
            }));
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await lockComponent.InvokeAsync(() => navigation.NavigateTo("/consortia/00G"));

        Assert.Equal(["/consortia/00G"], asked);
        Assert.Equal(before, navigation.Uri);
    }
}
