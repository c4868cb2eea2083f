import { allow } from "./registry.ts";

// Administrators run the deployment: they manage police and analyst accounts and never see incident content.
allow("create", "staff", (user) => user.role === "admin");
allow("list", "staff", (user) => user.role === "admin");
allow(
  "suspend",
  "staff",
  (user, target) => user.role === "admin" && ["spoc", "analyst", "admin"].includes(target.role),
);
