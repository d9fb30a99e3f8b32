using Collab.Grains.Interfaces.Common;
using Microsoft.Extensions.Primitives;

namespace Collab.Api.Errors;

public static class ControlCharacterRefusal
{
    /// <summary>
    /// Refuses a request whose route values, query or bound arguments (JSON bodies included) hold a control character
    /// (<see cref="ControlCharacters"/>) with <c>invalid_argument</c> problem JSON, before the endpoint runs.
    /// </summary>
    public static TBuilder RefuseControlCharacters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) => invocation =>
        {
            var request = invocation.HttpContext.Request;
            var field = request.RouteValues.FirstOrDefault(route => route.Value is string text && !ControlCharacters.Allowed(text, freeText: false)).Key
                ?? request.Query.FirstOrDefault(query => !ControlCharacters.Allowed(query.Key, freeText: false) || !Allowed(query.Value)).Key
                ?? ControlCharacters.Find(factory.MethodInfo, invocation.Arguments);
            return field is null
                ? next(invocation)
                : ValueTask.FromResult<object?>(TypedResults.Problem(Problems.Create(ErrorCodes.InvalidArgument, $"{field} holds a control character")));
        });

    private static bool Allowed(StringValues values)
    {
        foreach (var value in values)
        {
            if (value is not null && !ControlCharacters.Allowed(value, freeText: false))
            {
                return false;
            }
        }
        return true;
    }
}
