using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TransitionTracker.Web.Components.Standalone;

/// <summary>
/// Writes a <see cref="StandalonePage"/> as the whole response, in a fresh service scope: the page that failed may
/// already have set up this request's rendering services, and it must not leave anything half-done in the answer.
/// </summary>
public static class StandalonePageResult
{
    public static async Task WriteAsync<TComponent>(HttpContext context, object? parameters = null)
        where TComponent : IComponent
    {
        var original = context.RequestServices;
        await using var scope = original.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            // Whatever the request was (a form post included), the answer is this page, as for a GET.
            context.Request.Method = HttpMethods.Get;
            await new RazorComponentResult<TComponent>(parameters ?? new { }).ExecuteAsync(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    }
}
