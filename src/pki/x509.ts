/**
 * @peculiar/x509, with what it needs first: its dependency tsyringe throws at load without the Reflect
 * metadata polyfill. Importing x509 from here (not from the package) keeps the polyfill out of the first
 * page, since only the code that loads on demand needs it.
 */
import "reflect-metadata";

export * from "@peculiar/x509";
