using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Microsoft.Extensions.Primitives;

namespace Collab.Api.Errors;

public static class ControlCharacterRefusal
{
    /// <summary>
    /// Refuses a request whose route values, query or bound arguments (JSON bodies included) hold a control character
    /// (<see cref="ControlCharacters"/>) with <c>invalid_argument</c> problem JSON, before the endpoint runs. A body the
    /// endpoint reads itself (it takes the <see cref="HttpRequest"/>) has no type to say which of its fields are free
    /// text, so there every string is: line breaks and tabs pass, U+0000 and the rest do not.
    /// </summary>
    public static TBuilder RefuseControlCharacters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var readsBody = factory.MethodInfo.GetParameters().Any(parameter => parameter.ParameterType == typeof(HttpRequest));
            return async invocation =>
            {
                var request = invocation.HttpContext.Request;
                var field = request.RouteValues.FirstOrDefault(route => route.Value is string text && !ControlCharacters.Allowed(text, freeText: false)).Key
                    ?? request.Query.FirstOrDefault(query => !ControlCharacters.Allowed(query.Key, freeText: false) || !Allowed(query.Value)).Key
                    ?? ControlCharacters.Find(factory.MethodInfo, invocation.Arguments)
                    ?? (readsBody ? await FindInBodyAsync(request) : null);
                return field is null
                    ? await next(invocation)
                    : TypedResults.Problem(Problems.Create(ErrorCodes.InvalidArgument, $"{field} holds a control character"));
            };
        });

    /// <summary>Reads the JSON body ahead of the endpoint and leaves it for it to read again; a malformed one is the endpoint's to refuse.</summary>
    private static async Task<string?> FindInBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return ControlCharacters.Find(body.RootElement, "body", freeText: true);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

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
