using Microsoft.AspNetCore.Components;

namespace TransitionTracker.Web.Components;

/// <summary>
/// The base of the app's components (through <c>@inherits</c> in Components/_Imports.razor): ComponentBase's
/// lifecycle without the extra render it makes while <c>OnInitializedAsync</c> or <c>OnParametersSetAsync</c> is still
/// awaiting. Static server rendering sends only the final render, so that extra render only ever saw half-loaded
/// fields; when a database call really completes later (PostgreSQL, unlike SQLite) it ran the markup against fields
/// not loaded yet and could fail the page. Each component now renders once its data is loaded.
/// </summary>
public abstract class StaticRenderComponent : ComponentBase
{
    private bool _initialized;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (!_initialized)
        {
            _initialized = true;
            OnInitialized();
            await OnInitializedAsync();
        }

        OnParametersSet();
        await OnParametersSetAsync();
        StateHasChanged();
    }
}
