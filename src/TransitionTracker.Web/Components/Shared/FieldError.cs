namespace TransitionTracker.Web.Components.Shared;

/// <summary>A problem with one field of a static form (sign-in): the field's element id, for the error summary's link, and the message.</summary>
public sealed record FieldError(string FieldId, string Message);
