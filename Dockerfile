# DanVan's container image: one app node. Configuration comes from the environment (see docs/operations.md):
#   docker build -t danvan .
#   docker run -p 8080:8080 -e Database__Provider=Postgres -e ConnectionStrings__DanVan="Host=db;Username=danvan;Password=…;Database=danvan" \
#     -e ConnectionStrings__DanVanRead="Host=db-replica;…" -e Redis__Configuration=redis:6379 -e Storage__Files=Database danvan
# The app's "today" (deadlines, days left, default dates) is the server's local date: the image runs on Vietnam's time.
# Run `migrate` once per release before starting the nodes (the same image: docker run … danvan migrate), and start the
# nodes with Database__MigrateOnStart=false.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props DanVan.slnx dotnet-tools.json ./
COPY src ./src
RUN dotnet publish src/DanVan.Web -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_gcServer=1 \
    Database__Provider=Postgres \
    Storage__Files=Database \
    Seed__Demo=false \
    TZ=Asia/Ho_Chi_Minh
EXPOSE 8080
# The image's unprivileged user; uploads go to the database (Storage:Files), so the node keeps nothing of its own.
USER app
ENTRYPOINT ["dotnet", "DanVan.Web.dll"]
