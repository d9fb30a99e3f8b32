# Build from the repository root: docker build -f deploy/docker/Silo.Dockerfile -t collab-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Silo/Silo.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 11111 30000
ENTRYPOINT ["dotnet", "Silo.dll"]
