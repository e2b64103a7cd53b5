namespace TransitionTracker.Web.Components.Shared;

/// <summary>A problem with one form field: the field's element id (for the error summary link) and the message.</summary>
public sealed record FieldError(string FieldId, string Message);
