using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;
using Collab.Silo.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Extensions;
using Orleans.Dashboard;

namespace Collab.Api.Dashboard;

/// <summary>
/// The Orleans Dashboard at <c>Collab:Dashboard:Path</c>, for the <c>admin</c> role only.
/// <para>
/// A browser cannot put a bearer token on a page load, and the dashboard's page then calls its own JSON endpoints with
/// relative URLs. So an admin opens <c>{path}/?access_token=…</c> once: the token is checked like any bearer token and
/// exchanged for a short-lived cookie (HttpOnly, so page scripts never see it; SameSite=Strict, so other sites cannot
/// ride on it; scoped to the dashboard's path, so it authenticates nothing else), and the browser is redirected to the
/// same address without the token, which so leaves the address bar and the history. Scripts and probes can still send
/// <c>Authorization: Bearer</c> on every request instead.
/// </para>
/// </summary>
public static class AdminDashboard
{
    public const string Policy = "admin-dashboard";
    public const string CookieName = "collab-dashboard";

    private const string Scheme = "collab-dashboard";
    private const string CookieScheme = "collab-dashboard-cookie";
    private const string TokenParameter = "access_token";

    public static WebApplicationBuilder AddAdminDashboard(this WebApplicationBuilder builder)
    {
        var options = AdminDashboardOptions.From(builder.Configuration);
        if (!options.Enabled)
        {
            return builder;
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddAuthentication()
            .AddPolicyScheme(Scheme, "bearer header, else the dashboard cookie", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? JwtBearerDefaults.AuthenticationScheme : CookieScheme)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.Path = options.Path;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
                cookie.SlidingExpiration = false;
                cookie.Events.OnRedirectToLogin = context =>
                    Problems.WriteAsync(context.HttpContext, ErrorCodes.Unauthorized, $"open {options.Path}/?{TokenParameter}=<an admin's token>");
                cookie.Events.OnRedirectToAccessDenied = context =>
                    Problems.WriteAsync(context.HttpContext, ErrorCodes.Forbidden, "the dashboard is for admins");
            });
        // The bearer handler reads a token from the query string on the dashboard's path too, for the exchange below.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var inner = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = async context =>
            {
                await inner(context);
                if (context.Token is null && context.Request.Path.StartsWithSegments(options.Path))
                {
                    context.Token = context.Request.Query[TokenParameter];
                }
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy =>
            policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return builder;
    }

    /// <summary>Exchanges <c>?access_token=</c> for the cookie; between authentication and authorization.</summary>
    public static WebApplication UseAdminDashboardSignIn(this WebApplication app)
    {
        if (app.Services.GetService<AdminDashboardOptions>() is not { } options)
        {
            return app;
        }
        app.UseWhen(context => context.Request.Path.StartsWithSegments(options.Path) && context.Request.Query.ContainsKey(TokenParameter),
            branch => branch.Run(context => SignInAsync(context, options)));
        return app;
    }

    /// <summary>The dashboard's pages and endpoints when it is on; a 404 on its path when it is off, rather than the web client.</summary>
    public static WebApplication MapAdminDashboard(this WebApplication app)
    {
        if (app.Services.GetService<AdminDashboardOptions>() is { } options)
        {
            app.MapOrleansDashboard(options.Path).RequireAuthorization(Policy);
        }
        else
        {
            var path = AdminDashboardOptions.From(app.Configuration).Path;
            app.Map(path + "/{**rest}", (HttpContext context) =>
                Problems.WriteAsync(context, ErrorCodes.NotFound, "the dashboard is off (Collab:Dashboard:Enabled)"));
        }
        return app;
    }

    private static async Task SignInAsync(HttpContext context, AdminDashboardOptions options)
    {
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            await Problems.WriteAsync(context, ErrorCodes.Unauthorized, "the access token is not valid");
            return;
        }
        if (!result.Principal.IsInRole(Roles.Admin))
        {
            await Problems.WriteAsync(context, ErrorCodes.Forbidden, "the dashboard is for admins");
            return;
        }
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var expires = time.GetUtcNow().AddMinutes(options.SessionMinutes);
        if (result.Properties?.ExpiresUtc is { } tokenExpires && tokenExpires < expires)
        {
            expires = tokenExpires;
        }
        // Persistent with the same expiry, so the browser drops the cookie when the server would refuse it anyway.
        await context.SignInAsync(CookieScheme, result.Principal,
            new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = true, AllowRefresh = false });

        var query = new QueryBuilder(context.Request.Query.Where(pair => pair.Key != TokenParameter)
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        // The dashboard's page loads its script by a relative URL, so its root must end in a slash.
        var path = context.Request.Path == options.Path ? options.Path + "/" : context.Request.Path.Value;
        context.Response.Headers.Location = context.Request.PathBase + path + query.ToQueryString();
    }
}
