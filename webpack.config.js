/* eslint-env node */
/*
 * Webpack 5 build of the Excel add-in.
 *
 *   npm run build       production bundle in dist/ (minified)
 *   npm run build:dev   development bundle in dist/ (source maps)
 *   npm start           dev server on https://localhost:3000/
 *
 * dist/ gets taskpane.html + boot.js + taskpane.js, commands.html + commands.js (the
 * ribbon's function file), shared chunks, assets/*.png, help.html and
 * manifest.xml. Office.js is NOT bundled: both pages load it from
 * Microsoft's CDN, as Office add-ins must.
 *
 * Production URL: the source manifest.xml points at the dev server,
 * https://localhost:3000/. A production build copies it to dist/manifest.xml
 * with that prefix replaced by the environment variable ADDIN_PUBLIC_URL,
 * the https address where dist/ will be served, e.g.
 *
 *   ADDIN_PUBLIC_URL=https://addins.example.gov.uk/action-plan-rag/ npm run build
 *
 * Without it the production manifest keeps localhost (fine for sideloading
 * on the developer's own machine) and the build prints a warning.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const ENTRY_NAMES = ["taskpane", "commands"];
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

/** The https base URL the production manifest points at, ending in "/". */
function publicUrl(production) {
  const raw = (process.env.ADDIN_PUBLIC_URL || "").trim();
  if (!raw) {
    if (production) {
      console.warn(
        "\nWARNING: ADDIN_PUBLIC_URL is not set, so dist/manifest.xml still points at " +
          DEV_URL +
          ".\n  That manifest only works with the dev server on this machine. To deploy, build with\n" +
          "  ADDIN_PUBLIC_URL=https://your.server/path/ npm run build\n"
      );
    }
    return DEV_URL;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_PUBLIC_URL must be an https:// address (Office loads add-ins over https only): "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_PUBLIC_URL must be a plain base address, without ?query or #fragment: "${raw}"`);
  }
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/**
 * Dev-server transport. Office loads add-ins over https only, so use the Office dev certificates
 * (office-addin-dev-certs creates them in ~/.office-addin-dev-certs and trusts their CA). If the
 * CA cannot be trusted on this machine (no sudo, say) but the certificates were generated, serve
 * https with them anyway; with no certificate at all, fall back to plain http. Never crash.
 */
async function devServerTransport() {
  let problem;
  try {
    const devCerts = require("office-addin-dev-certs");
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("office-addin-dev-certs did not answer within 60 s")), 60000);
    });
    const { ca, cert, key } = await Promise.race([devCerts.getHttpsServerOptions(), timeout]).finally(() =>
      clearTimeout(timer)
    );
    return { type: "https", options: { ca, cert, key } };
  } catch (err) {
    problem = err && err.message ? err.message.split("\n")[0] : String(err);
  }
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    console.warn(
      `\nWARNING: ${problem}\n  Serving https://localhost:${DEV_PORT}/ with the certificates in ${dir},\n` +
        "  whose CA this machine does not trust yet: Office and browsers will refuse or warn until it is\n" +
        "  trusted (run `npx office-addin-dev-certs install` where you have administrator rights).\n"
    );
    const options = {};
    for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
    return { type: "https", options };
  }
  console.warn(
    `\nWARNING: no development certificate for https://localhost (${problem}).\n` +
      `  Serving over plain http://localhost:${DEV_PORT}/ instead. Office will NOT load the add-in from http;\n` +
      "  this is only good for opening the pages in a browser. To fix it, run\n" +
      "  npx office-addin-dev-certs install\n"
  );
  return { type: "http" };
}

module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode || "production") === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = serving ? DEV_URL : publicUrl(production);

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Entry points keep fixed names (taskpane.js, commands.js); shared and lazy chunks get a
      // content hash in production so that Office's web view never runs a stale copy.
      filename: (pathData) =>
        ENTRY_NAMES.includes(pathData.chunk.name) || !production ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck` (tsc --noEmit); the bundle only transpiles.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name].[contenthash:8][ext]" },
        },
      ],
    },
    optimization: {
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/page.html",
        chunks: ["taskpane"],
        // Not injected: the page lists the bundle's files and boot.js loads them where they can run.
        inject: false,
        boot: true,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/page.html",
        chunks: ["commands"],
        boot: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Icons referenced by the manifest (only the top level of assets/: sample workbooks stay out).
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          // The boot script, as written (ES5, not bundled): it must parse in any web view.
          { from: "src/boot/boot.js", to: "boot.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return baseUrl === DEV_URL ? content : content.toString().split(DEV_URL).join(baseUrl);
            },
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost", // the manifest says https://localhost:3000/; do not listen on other interfaces
      port: DEV_PORT,
      server: serving ? await devServerTransport() : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
