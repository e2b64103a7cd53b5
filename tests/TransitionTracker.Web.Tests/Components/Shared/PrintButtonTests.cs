using Bunit;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

public sealed class PrintButtonTests : MudComponentContext
{
    [Fact]
    public void The_button_asks_the_browser_to_print_the_page()
    {
        var print = JSInterop.SetupVoid("print");
        var button = RenderInteractive<PrintButton>(p => p.Add(b => b.Text, "Print this status"));

        Assert.Equal("Print this status", button.Find("#print-page").TextContent.Trim());
        Assert.False(button.Find("#print-page").HasAttribute("disabled"));
        button.Find("#print-page").Click();

        Assert.Single(print.Invocations);
        Assert.Empty(print.Invocations.Single().Arguments);
    }

    [Fact]
    public void Before_the_page_is_live_the_button_is_shown_but_cannot_be_pressed()
    {
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var button = Render<PrintButton>();

        Assert.Equal("Print", button.Find("#print-page").TextContent.Trim());
        Assert.True(button.Find("#print-page").HasAttribute("disabled"));
        Assert.Empty(JSInterop.Invocations);
    }
}
