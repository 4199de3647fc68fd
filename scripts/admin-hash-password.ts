/**
 * `npm run admin:hash-password`: reads a password on standard input and prints the
 * DISPATCH_ADMIN_PASSWORD_HASH value for it (so the plain password need not sit in the environment).
 */
import { hashPassword } from "@/lib/admin/password";

async function main(): Promise<void> {
  if (process.stdin.isTTY) process.stderr.write("Password (then Enter): ");
  let input = "";
  for await (const chunk of process.stdin) {
    input += String(chunk);
    if (process.stdin.isTTY && input.includes("\n")) break;
  }
  const password = input.replace(/\r?\n$/, "");
  if (password.length < 8) {
    console.error("admin:hash-password: the password must be at least 8 characters");
    process.exit(2);
  }
  console.log(await hashPassword(password));
  process.exit(0);
}

void main();
