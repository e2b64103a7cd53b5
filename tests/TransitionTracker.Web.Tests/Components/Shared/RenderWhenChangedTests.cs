using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

/// <summary>
/// The contents render again when the data they show changes, not each time the parent renders; a component inside
/// still renders itself when it asks.
/// </summary>
public sealed class RenderWhenChangedTests : MudComponentContext
{
    [Fact]
    public void The_parent_rendering_again_with_the_same_data_renders_nothing_inside()
    {
        var shows = new List<string> { "Alpha" };
        var wrapper = Render<RenderWhenChanged>(p => p.Add(w => w.Data, shows).AddChildContent<Shown>(s => s.Add(x => x.Value, shows)));
        var inside = wrapper.FindComponent<Shown>();
        Assert.Equal(1, inside.RenderCount);

        // A list given again is a changed parameter to the component inside: without the wrapper it would render.
        wrapper.Render(p => p.Add(w => w.Data, shows).AddChildContent<Shown>(s => s.Add(x => x.Value, shows)));
        wrapper.Render(p => p.Add(w => w.Data, shows).AddChildContent<Shown>(s => s.Add(x => x.Value, shows)));

        Assert.Equal(1, inside.RenderCount);
        Assert.Equal("Alpha", wrapper.Markup);
    }

    [Fact]
    public void New_data_renders_the_contents_again()
    {
        var wrapper = Render<RenderWhenChanged>(p => p.Add(w => w.Data, "first").AddChildContent<Shown>(s => s.Add(x => x.Value, new List<string> { "Alpha" })));

        wrapper.Render(p => p.Add(w => w.Data, "second").AddChildContent<Shown>(s => s.Add(x => x.Value, new List<string> { "Beta" })));

        Assert.Equal(2, wrapper.FindComponent<Shown>().RenderCount);
        Assert.Equal("Beta", wrapper.Markup);
    }

    [Fact]
    public async Task A_component_inside_still_renders_itself()
    {
        var wrapper = Render<RenderWhenChanged>(p => p.Add(w => w.Data, "same").AddChildContent<Shown>(s => s.Add(x => x.Value, new List<string> { "Alpha" })));
        var inside = wrapper.FindComponent<Shown>();

        await inside.InvokeAsync(() => inside.Instance.Show("Gamma"));

        Assert.Equal("Gamma", wrapper.Markup);
    }

    /// <summary>Shows a list of names, or a name of its own once told one.</summary>
    public sealed class Shown : ComponentBase
    {
        private string? own;

        [Parameter]
        public IReadOnlyList<string> Value { get; set; } = [];

        public void Show(string name)
        {
            own = name;
            StateHasChanged();
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, own ?? string.Join(", ", Value));
    }
}
