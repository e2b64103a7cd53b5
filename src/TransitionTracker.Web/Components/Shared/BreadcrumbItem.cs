namespace TransitionTracker.Web.Components.Shared;

public sealed record BreadcrumbItem(string Text, string Href);
