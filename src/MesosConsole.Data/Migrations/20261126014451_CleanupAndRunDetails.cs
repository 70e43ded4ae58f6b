using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesosConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class CleanupAndRunDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SecurityGroupDeletedAt",
                table: "ProvisioningRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityGroupId",
                table: "ProvisioningRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FloatingIpId",
                table: "ProvisionedInstances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClusterName",
                table: "DeploymentRuns",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecurityGroupDeletedAt",
                table: "ProvisioningRequests");

            migrationBuilder.DropColumn(
                name: "SecurityGroupId",
                table: "ProvisioningRequests");

            migrationBuilder.DropColumn(
                name: "FloatingIpId",
                table: "ProvisionedInstances");

            migrationBuilder.DropColumn(
                name: "ClusterName",
                table: "DeploymentRuns");
        }
    }
}
